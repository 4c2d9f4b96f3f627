// Regenerates openapi.json from the wire schemas: `npm run openapi`.
import { writeFileSync } from 'node:fs';
import { API_VERSION } from '../src/server/app.js';
import { buildOpenApiDocument } from '../src/server/openapi.js';

const path = new URL('../openapi.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(buildOpenApiDocument(API_VERSION), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
