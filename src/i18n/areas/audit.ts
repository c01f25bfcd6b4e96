// Messages of the "audit" area. Keys start with "audit.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
