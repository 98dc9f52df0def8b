import { adoptTokens } from '@luukku/shared/tokens';
import { pageSheet } from '../styles.js';
import './feedback-app.js';

// the design tokens on :root, then the page's base size (as the kiosk's: it grows with the screen)
adoptTokens();
const page = new CSSStyleSheet();
page.replaceSync(pageSheet);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
