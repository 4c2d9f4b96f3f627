import { createRoot } from 'react-dom/client';
import { HostApp } from './host-app.js';

createRoot(document.getElementById('root')!).render(<HostApp />);
