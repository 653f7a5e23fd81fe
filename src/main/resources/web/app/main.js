import { show } from './map/map.js';
import doc from './map/map.graphql';
show(doc);
