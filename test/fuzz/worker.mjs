// Worker-thread entry: loads the TypeScript worker code through tsx's API (loader hooks
// registered with --import do not reach worker threads on Node 20).
import { tsImport } from 'tsx/esm/api';

await tsImport('./fuzz.ts', import.meta.url);
