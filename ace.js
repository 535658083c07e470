/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| Registers the TypeScript loader so ace can import the TypeScript sources
| directly, then hands over to bin/console.ts.
|
*/
import 'ts-node-maintained/register/esm'

await import('./bin/console.js')
