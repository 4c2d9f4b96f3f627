import { defineConfig } from 'vite';

// Top-level await in main.tsx needs a target newer than Vite's default.
export default defineConfig({ build: { target: 'es2022' } });
