import './phone-app.js';
