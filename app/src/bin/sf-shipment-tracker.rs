//! The wasm module of `<sf-shipment-tracker>`: order lookup, packages, timeline, live updates.

use leptos::prelude::*;
use sf_components::elements::shipment_tracker::{CUSTOMER, ELEMENT, EXPIRES, ORDER, SIGNATURE};
use sf_components::ShipmentTracker;

sf_app::element_module!(ELEMENT, |attributes| {
    sf_components::provide_whole_tracker!();
    view! {
        <ShipmentTracker
            order=attributes.attribute(ORDER)
            expires=attributes.attribute(EXPIRES)
            signature=attributes.attribute(SIGNATURE)
            customer=attributes.attribute(CUSTOMER)
        />
    }
    .into_any()
});
