import './phone-app.js';
import './phone-feedback.js';
