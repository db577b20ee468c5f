// Review site behaviour, plain browser JavaScript (no framework, works from file://).
(() => {
  const keyed = (key) => [
    ...document.querySelectorAll(`#g-${CSS.escape(key)}`),
    ...document.querySelectorAll(`a.box[data-key="${CSS.escape(key)}"]`),
  ];

  function highlight(keys) {
    for (const el of document.querySelectorAll('.hl')) el.classList.remove('hl');
    const found = keys.flatMap(keyed);
    for (const el of found) el.classList.add('hl');
    const cell = found.find((el) => el.tagName === 'TD');
    const box = found.find((el) => el.classList.contains('box'));
    for (const el of [cell, box]) if (el) el.scrollIntoView({ block: 'center', inline: 'center' });
    return found.length;
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('[data-cells]');
    if (link) {
      for (const el of document.querySelectorAll('.check-link.selected')) el.classList.remove('selected');
      if (link.classList.contains('check-link')) link.classList.add('selected');
      const keys = link.dataset.cells.split(' ').filter(Boolean);
      if (highlight(keys) === 0 && link.dataset.table)
        document.getElementById(`t-${link.dataset.table}`)?.scrollIntoView();
      return;
    }
    const value = target?.closest('td[data-key], a.box[data-key]');
    if (value) {
      event.preventDefault();
      highlight([value.dataset.key]);
    }
  });

  const table = document.getElementById('documents');
  if (!table) return;
  const body = table.tBodies[0];
  const filter = document.getElementById('filter');
  const verdict = document.getElementById('verdict-filter');
  const shown = document.getElementById('shown');

  function applyFilter() {
    const words = filter.value.trim().toLowerCase();
    let n = 0;
    for (const row of body.rows) {
      const visible =
        (!verdict.value || row.dataset.verdict === verdict.value) &&
        (!words || row.textContent.toLowerCase().includes(words));
      row.hidden = !visible;
      if (visible) n++;
    }
    shown.textContent = `${n} shown`;
  }
  filter.addEventListener('input', applyFilter);
  verdict.addEventListener('change', applyFilter);
  applyFilter();

  for (const th of table.tHead.rows[0].cells) {
    th.addEventListener('click', () => {
      const column = Number(th.dataset.column);
      const numeric = th.dataset.numeric === 'true';
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const value = (row) => row.cells[column].textContent.trim();
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh');
        return ascending ? order : -order;
      });
      for (const row of rows) body.appendChild(row);
    });
  }
})();
