import { adoptTokens } from '@luukku/shared/tokens';
import { pageSheet } from './styles.js';
import './kiosk-app.js';

// the design tokens on :root, before any component renders; then the kiosk's base size
adoptTokens();
const page = new CSSStyleSheet();
page.replaceSync(pageSheet);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
