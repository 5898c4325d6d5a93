//! The wasm module of `<sf-return-request>`: order lookup, items, reasons, method, quote, RMA
//! with label or QR code, and the order's returns.

use leptos::prelude::*;
use sf_components::elements::return_request::{CUSTOMER, ELEMENT, EXPIRES, ORDER, SIGNATURE};
use sf_components::ReturnRequest;

sf_app::element_module!(ELEMENT, |attributes| {
    sf_components::provide_whole_returns!();
    view! {
        <ReturnRequest
            order=attributes.attribute(ORDER)
            expires=attributes.attribute(EXPIRES)
            signature=attributes.attribute(SIGNATURE)
            customer=attributes.attribute(CUSTOMER)
        />
    }
    .into_any()
});
