/**
 * The help text. Its layout list and OCR page budget are given by the caller, so this module loads
 * no extractor.
 */

export function usage(layouts: readonly string[], ocrPageTimeoutS: number, ocrEngine: string): string {
  return `yusuan — Chinese government budget disclosures to open data

usage:
  yusuan extract <files or folders…> [--out DIR] [options]   one-off extraction, everything in memory
  yusuan run <folders…> --out DIR [options]                  incremental batch run over a corpus
  yusuan merge <dump folders…> --out DIR [--sqlite FILE] [--bom]
                                                             merge the dumps of --shard runs
  yusuan inspect <files…> [--generic-only] [--layout NAME] [--json]
                                                             which layout, which tables, which checks:
                                                             the first thing to run on a new city's file
  yusuan diff <old dump> <new dump> [--json] [--fail-on-change]
                                                             what changed between two dumps of a corpus
  yusuan report <dump> [--out DIR]                           a static review site of a dump (default DIR: dump-report)

options (extract and run):
  --out DIR          output folder (default: output)
  --layout NAME      use this layout extractor (${layouts.join(', ')})
  --generic-only     use the generic extractor only (no layout overrides)
  --password PW      password of encrypted PDFs
  --max-pages N      read at most N pages of a PDF or TIFF (default 2000)
  --max-size MB      refuse input files larger than this, unread (default 256)
  --max-text-size MB refuse text inputs larger than this (default 16)
  --ocr MODE         auto: OCR pages without a text layer and images (default);
                     always: OCR every page; never: no OCR
  --ocr-workers N    OCR workers per file (default: the cores left to each file;
                     PP-OCR: threads of the page read, tesseract: at most
                     --ocr-concurrency)
  --ocr-concurrency N
                     pages read by OCR at the same time over all files (default 1:
                     a page takes about 0.5 GiB while it is read)
  --ocr-engine NAME  tesseract (tesseract.js) or paddle (PP-OCRv4 on onnxruntime)
                     (default ${ocrEngine})
  --timeout S        time limit per file in seconds, before OCR (default 300)
  --ocr-page-timeout S
                     added to a file's time limit for each page it sends to OCR
                     (default ${ocrPageTimeoutS}: a 100-page scan may take 300 + 100 × ${ocrPageTimeoutS} s)
  --memory MB        heap limit per file in MiB (default 4096)
  --strict           exit 1 unless every document is verified (or not a budget);
                     without it, exit 1 only when a document failed
  --bom              write CSVs with a UTF-8 BOM (for Excel)
  --quiet            print only the summary
  --json             print a machine-readable summary (JSON) instead of text
  -h, --help         this help

options (extract):
  --in-process       extract in this process: faster start, no per-file time or memory limit
                     (for trusted files only)

options (run):
  --concurrency N    worker threads extracting files in parallel (default: one per core)
  --force            extract every file again, changed or not
  --shard K/N        process only the K-th of N deterministic slices of the inputs
  --sqlite FILE      also write the dump as a SQLite database
`;
}
