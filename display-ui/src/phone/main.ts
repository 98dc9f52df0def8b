import './phone-app.js';
import './phone-push.js';
import './phone-feedback.js';
