// Entry point: restore the chosen language, take over in-app links, render the shell.
import { render } from 'preact';
import './styles/main.css';
import { App } from './app';
import { initLocale } from './i18n';
import { installLinkInterception } from './router';

initLocale();
installLinkInterception();

const root = document.getElementById('app');
if (root) render(<App />, root);
