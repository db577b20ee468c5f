/** The report's stylesheet and script: small, inline-free files so the site opens from disk, offline. */

export const REPORT_CSS = `body{font:14px/1.4 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1rem;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0;cursor:pointer}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.verified{color:#1a7f37}.needs_review{color:#9a6700}.failed{color:#cf222e}.not_budget{color:#666}
.pair{display:flex;gap:1rem;align-items:flex-start;margin:1rem 0 2rem}.grid{overflow:auto;max-height:80vh;flex:1 1 55%}
.pages{flex:1 1 45%;max-height:80vh;overflow:auto}.pages img{width:100%;border:1px solid #ccc;margin-bottom:.5rem}
.check.fail{color:#cf222e;cursor:pointer}.check.fail:hover{text-decoration:underline}
td.hl{outline:3px solid #cf222e;background:#ffebe9}td.total.hl{outline-style:double}
td.repaired{background:#fff8c5}td.lowconf{background:#fde2c8}.flag{background:#cf222e;color:#fff;padding:0 4px;border-radius:3px}
#filter{margin:.5rem 0}`;

/**
 * Sorting and filtering the index; on a document page, a click on a failed check outlines the cells
 * it added up and its total, and scrolls the first into view.
 */
export const REPORT_JS = `(function(){
var rows=function(t){return Array.prototype.slice.call(t.tBodies[0].rows)};
document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){
 var t=th.closest('table'),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
 rows(t).sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;
  var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c})
 .forEach(function(r){t.tBodies[0].appendChild(r)})})});
var f=document.getElementById('filter'),v=document.getElementById('verdict');
function apply(){var q=(f.value||'').toLowerCase(),w=v.value;document.querySelectorAll('#documents tbody tr').forEach(function(r){
 r.hidden=!(r.textContent.toLowerCase().indexOf(q)>=0&&(!w||r.dataset.verdict===w))})}
if(f){f.addEventListener('input',apply);v.addEventListener('change',apply)}
document.querySelectorAll('.check.fail').forEach(function(li){li.addEventListener('click',function(){
 document.querySelectorAll('td.hl').forEach(function(c){c.classList.remove('hl')});
 var ids=(li.dataset.cells||'').split(' ').filter(Boolean),first=null;
 ids.forEach(function(id){var c=document.getElementById(id);if(c){c.classList.add('hl');first=first||c}});
 if(first)first.scrollIntoView({block:'center'});
 var p=document.getElementById(li.dataset.page||'');if(p)p.scrollIntoView({block:'start'})})});
})();`;
