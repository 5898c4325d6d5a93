// The one script a merchant adds to a page:
//   <script type="module" src="https://SUPPORT-SERVER/embed/storefront-support.js"></script>
// It defines every <sf-…> element at once and fetches an element's own WebAssembly module
// only when such an element is first connected to the document, so a page pays only for the
// elements it shows, and a page without any downloads nothing more. Elements talk to the
// server this file came from unless they say otherwise with api-base="…".
//
// The build replaces the table below with each element's content-hashed files and
// attributes (from components/src/elements.rs); this file's own URL stays stable.
const ELEMENTS = /* SF_ELEMENTS */ {};

const folder = new URL("./", import.meta.url);
const defaultApiBase = new URL("../", folder).href;
const modules = new Map();

// One download and one compilation per element kind, shared by all its instances.
function loadModule(tag) {
  let loading = modules.get(tag);
  if (!loading) {
    const { glue, wasm } = ELEMENTS[tag];
    loading = import(new URL(glue, folder).href).then(async (module) => {
      await module.default({ module_or_path: new URL(wasm, folder) });
      // Constructable stylesheets reach the shadow root under a strict CSP, <style> may not.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(module.stylesheet());
      return { module, sheet };
    });
    // A failed download (offline for a moment) is tried again by the next element.
    loading.catch(() => modules.delete(tag));
    modules.set(tag, loading);
  }
  return loading;
}

for (const [tag, { attributes }] of Object.entries(ELEMENTS)) {
  if (customElements.get(tag)) continue;
  customElements.define(
    tag,
    class extends HTMLElement {
      static observedAttributes = attributes;

      connectedCallback() {
        if (this._sfMount) return;
        const mounting = loadModule(tag).then(({ module, sheet }) => {
          // Removed (or removed and added again) while the module was on its way.
          if (this._sfMount !== mounting) return null;
          const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
          root.adoptedStyleSheets = [sheet];
          const container = document.createElement("div");
          container.className = "sf-host-container";
          root.replaceChildren(container);
          return module.mount(this, container, defaultApiBase);
        });
        mounting.catch((error) => console.error(`${tag} could not start`, error));
        this._sfMount = mounting;
      }

      disconnectedCallback() {
        // A framework moving the element (removed and added back in one task) keeps its
        // component, with what the shopper typed and any open live stream.
        queueMicrotask(() => {
          if (this.isConnected) return;
          const mounting = this._sfMount;
          this._sfMount = null;
          mounting?.then((mounted) => mounted?.free(), () => {});
        });
      }

      attributeChangedCallback(name, oldValue, newValue) {
        // Before the mount the component reads every attribute itself.
        if (oldValue !== newValue) {
          this._sfMount?.then((mounted) => mounted?.attribute_changed(name, newValue), () => {});
        }
      }
    },
  );
}
