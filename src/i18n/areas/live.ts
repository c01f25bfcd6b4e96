// Messages of the "live" area. Keys start with "live.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
