import '../src-shared/zod-locale';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { ApiClient, pickTransport } from './api/client';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(<App client={new ApiClient(pickTransport())} />);
