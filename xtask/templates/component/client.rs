//! The client's slice for `<sf-__kebab__>`: one method per route of the feature, and a
//! reader for each answer (see `client/read.rs`: the browser's `JSON.parse` does the parsing,
//! no serde in the element's module).

use super::read::{Fields, FromJson};
use super::{send, ApiClient, ClientError};
use sf_api::__snake__::__Pascal__Overview;
use std::future::Future;
use wasm_bindgen::JsValue;

impl ApiClient {
    /// `GET /__kebab__`.
    pub fn __snake___overview(self) -> impl Future<Output = Result<__Pascal__Overview, ClientError>> {
        let target = self.target("/__kebab__");
        async move { send("GET", target, None, None).await?.into_result() }
    }
}

impl FromJson for __Pascal__Overview {
    fn from_json(value: &JsValue) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(__Pascal__Overview {
            records: fields.integer("records")?,
        })
    }
}
