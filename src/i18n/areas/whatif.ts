// Messages of the "whatif" area. Keys start with "whatif.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
