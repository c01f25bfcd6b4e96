// Messages of the "wizard" area. Keys start with "wizard.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
  },
  {
  },
);
