import { defineConfig } from 'vite';
import { packageAliases } from '../vite.aliases.js';

// Stories need only the package's public names; the root config builds the library.
export default defineConfig({ resolve: { alias: packageAliases } });
