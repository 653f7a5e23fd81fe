// The bundle's one entry point: the page (./main.js) and the map; every other view is a chunk
// that main.js imports when it is first opened.
import './main.js';
