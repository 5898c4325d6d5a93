// The one script a merchant adds to a page:
//   <script type="module" src="https://SUPPORT-SERVER/embed/storefront-support.js"></script>
// It loads the WebAssembly bundle beside it and registers the <sf-…> elements. Elements
// talk to the server this file came from unless they say otherwise with api-base="…".
import init, { start } from "./sf-embed.js";

const bundleFolder = new URL("./", import.meta.url);
await init({ module_or_path: new URL("sf-embed_bg.wasm", bundleFolder) });
start(new URL("../", bundleFolder).href);
