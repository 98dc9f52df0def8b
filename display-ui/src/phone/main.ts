import './phone-app.js';
import './phone-push.js';
