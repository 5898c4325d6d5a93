//! The client's slice for `<sf-__kebab__>`: one method per route of the feature.

use super::{send, ApiClient, ClientError};
use sf_api::__snake__::__Pascal__Overview;
use std::future::Future;

impl ApiClient {
    /// `GET /__kebab__`.
    pub fn __snake___overview(self) -> impl Future<Output = Result<__Pascal__Overview, ClientError>> {
        let url = self.url("/__kebab__");
        async move { send("GET", &url, None, None).await?.into_result() }
    }
}
