// The build compiles TypeScript only: the review site's stylesheet and script are copied beside the
// compiled report module, where it looks for them.
import { cpSync } from 'node:fs';

cpSync('src/report/assets', 'dist/src/report/assets', { recursive: true });
