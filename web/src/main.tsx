// Entry point: restore the chosen language, take over in-app links, ask who is signed in (which
// also restores the session's CSRF token), render the shell.
import { render } from 'preact';
import './styles/main.css';
import './styles/workspace.css';
import './styles/slips.css';
import { App } from './app';
import { initLocale } from './i18n';
import { session } from './lib/auth';
import { installLinkInterception } from './router';

initLocale();
installLinkInterception();
void session.load();

const root = document.getElementById('app');
if (root) render(<App />, root);
