// The one script a merchant adds to a page:
//   <script type="module" src="https://SUPPORT-SERVER/embed/storefront-support.js"></script>
// It defines every <sf-…> element at once and fetches an element's own WebAssembly module
// only when such an element is first connected to the document, so a page pays only for the
// elements it shows, and a page without any downloads nothing more. Elements talk to the
// server this file came from unless they say otherwise with api-base="…".
//
// An element that starts as a launcher (the chat) costs even less: this file paints its
// button from CSS, and the module is fetched only when the shopper shows intent (hover,
// focus, click), or at idle time when the element has `preload` (never when the browser
// asks to save data). A click that came while the module was on its way is passed on.
//
// The build replaces the table below with each element's content-hashed files and
// attributes (from components/src/elements.rs); this file's own URL stays stable.
const ELEMENTS = /* SF_ELEMENTS */ {};

const folder = new URL("./", import.meta.url);
const defaultApiBase = new URL("../", folder).href;
const modules = new Map();

// One download and one compilation per module, shared by all the instances of the elements
// it mounts (a product's reviews and its review form share one).
function loadModule(tag) {
  const { glue, wasm } = ELEMENTS[tag];
  let loading = modules.get(glue);
  if (!loading) {
    loading = import(new URL(glue, folder).href).then(async (module) => {
      await module.default({ module_or_path: new URL(wasm, folder) });
      // Constructable stylesheets reach the shadow root under a strict CSP, <style> may not.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(module.stylesheet());
      return { module, sheet };
    });
    // A failed download (offline for a moment) is tried again by the next element.
    loading.catch(() => modules.delete(glue));
    modules.set(glue, loading);
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
        if (this._sfMount || this._sfLauncher) return;
        const { launcher } = ELEMENTS[tag];
        if (launcher) this._sfPaintLauncher(launcher);
        else this._sfStart();
      }

      _sfPaintLauncher({ css, labels, wakesOn }) {
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
        const button = document.createElement("button");
        button.type = "button";
        button.className = "sf-launcher";
        const lang = (this.getAttribute("locale") || document.documentElement.lang || "").slice(0, 2);
        button.textContent = labels[lang] || labels.en;
        if (lang === "ar") button.dir = "rtl";
        const intent = (event) => {
          if (event.type === "click") {
            this._sfClicked = true;
            button.setAttribute("aria-busy", "true");
          }
          this._sfStart();
        };
        for (const type of ["pointerenter", "focusin", "touchstart", "click"]) {
          button.addEventListener(type, intent, { passive: true });
        }
        root.replaceChildren(button);
        this._sfLauncher = button;
        // A page event meant for the component (the tracker asking for the chat) is intent
        // too; it is dispatched again once the component listens.
        const wake = (event) => {
          this._sfReplay = new CustomEvent(event.type, { detail: event.detail });
          this._sfStart();
        };
        for (const type of wakesOn) document.addEventListener(type, wake);
        this._sfStopWaking = () => wakesOn.forEach((type) => document.removeEventListener(type, wake));
        if (this.hasAttribute("preload") && !navigator.connection?.saveData) {
          (window.requestIdleCallback || setTimeout)(() => this.isConnected && this._sfStart());
        }
      }

      _sfStart() {
        if (this._sfMount) return;
        const mounting = loadModule(tag).then(({ module, sheet }) => {
          // Removed (or removed and added again) while the module was on its way.
          if (this._sfMount !== mounting) return null;
          const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
          const hadFocus = root.activeElement !== null;
          root.adoptedStyleSheets = [sheet];
          const container = document.createElement("div");
          container.className = "sf-host-container";
          root.replaceChildren(container);
          this._sfLauncher = null;
          const mounted = module.mount(this, container, defaultApiBase);
          const launcher = root.querySelector("[data-sf-launcher]");
          if (hadFocus) launcher?.focus();
          if (this._sfClicked) launcher?.click();
          this._sfClicked = false;
          this._sfStopWaking?.();
          if (this._sfReplay) document.dispatchEvent(this._sfReplay);
          this._sfReplay = null;
          return mounted;
        });
        mounting.catch((error) => {
          console.error(`${tag} could not start`, error);
          // The next sign of intent tries again.
          if (this._sfMount === mounting) this._sfMount = null;
          this._sfLauncher?.removeAttribute("aria-busy");
        });
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
