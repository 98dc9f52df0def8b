import { adoptTokens } from '@luukku/shared/tokens';
import './display/display-app.js';

// the design tokens on :root, before any component renders
adoptTokens();
