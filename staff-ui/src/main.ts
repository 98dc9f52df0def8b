import { adoptTokens } from '@luukku/shared/tokens';
import './staff-app.js';

// the design tokens on :root, before any component renders
adoptTokens();
