// Registers one storefront-support custom element. Kept in JavaScript because a class
// extending HTMLElement cannot be written from Rust; everything it does is delegate.
//
// mount(host, container) returns a Rust object with attribute_changed(name, value) and
// free(). The stylesheet is built once per element name and adopted by every instance's
// shadow root (constructable stylesheets work under a strict CSP, <style> tags may not).
export function defineSupportElement(name, observedAttributes, css, mount) {
  if (customElements.get(name)) return;
  let sheet = null;
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return observedAttributes;
      }
      connectedCallback() {
        if (this._sfMounted) return;
        const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
        }
        root.adoptedStyleSheets = [sheet];
        const container = document.createElement("div");
        container.className = "sf-host-container";
        root.replaceChildren(container);
        this._sfMounted = mount(this, container);
      }
      disconnectedCallback() {
        if (this._sfMounted) {
          this._sfMounted.free();
          this._sfMounted = null;
        }
      }
      attributeChangedCallback(attribute, oldValue, newValue) {
        if (this._sfMounted && oldValue !== newValue) {
          this._sfMounted.attribute_changed(attribute, newValue);
        }
      }
    },
  );
}
