// An app that uses `AuditLogClient` and nothing else of the package, measured by
// `npm run bench:size` (the `client-app` row): the client's weight as such an app ships it.
import { AuditLogClient } from '../src/client/index.js';

export const client = new AuditLogClient({ baseUrl: 'https://audit.example.com', apiKey: 'key' });
