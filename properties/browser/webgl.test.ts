/** samcheck's properties and conformance suite on tfjs-backend-webgl in headless Chromium (properties/browser/suite.ts). */
import { browserPropertySuite } from './suite.js';

browserPropertySuite('webgl', 'properties/browser/webgl.test.ts');
