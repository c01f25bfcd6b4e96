// Messages of the "probe" area. Keys start with "probe.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
