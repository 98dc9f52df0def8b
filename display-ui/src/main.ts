import './display/display-app.js';
