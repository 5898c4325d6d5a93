//! The error answers shared by every route's description in the OpenAPI document (served
//! by [`crate::service`]).

use std::collections::BTreeMap;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{OpenApi, Ref, RefOr};

/// The error answers any route may give, each defined once under `components.responses`
/// with the [`ErrorBody`](sf_api::error::ErrorBody) shape: (status, name, description).
const ERROR_RESPONSES: [(&str, &str, &str); 8] = [
    ("400", "MalformedJson", "The body is not well-formed JSON"),
    ("401", "Unauthorized", "Missing or wrong credentials"),
    (
        "404",
        "NotFound",
        "Nothing at this address: a path parameter that names nothing (empty, not UTF-8)",
    ),
    ("413", "PayloadTooLarge", "The body is over the size limit"),
    (
        "415",
        "UnsupportedMediaType",
        "The body is not sent as `Content-Type: application/json`",
    ),
    (
        "422",
        "ValidationFailed",
        "Missing, unknown or invalid fields or query parameters (text containing NUL \
         included); `fields` names each",
    ),
    (
        "429",
        "RateLimited",
        "Too many requests: wait (as long as `Retry-After` says, when given), then try again",
    ),
    (
        "500",
        "Internal",
        "Something failed on the server; the details are in its log",
    ),
];

fn error_response_ref(status: &str) -> RefOr<Response> {
    let name = ERROR_RESPONSES
        .iter()
        .find(|(code, _, _)| *code == status)
        .map_or("Internal", |(_, name, _)| name);
    RefOr::Ref(Ref::from_response_name(name))
}

/// Documents a route's 429, for the routes that limit their callers (the other error
/// statuses follow from what a route takes; see [`document_error_responses`]).
pub struct RateLimited;

impl utoipa::IntoResponses for RateLimited {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        BTreeMap::from([("429".to_owned(), error_response_ref("429"))])
    }
}

/// Adds to every operation the error statuses its inputs make possible, from the shared
/// definitions, so no route can forget one: 500 everywhere; 400, 413, 415 and 422 with a
/// JSON body; 404 with path parameters; 422 with query parameters; 401 with a security
/// requirement. A status a route documents itself keeps the route's own description.
pub fn document_error_responses(document: &mut OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    for (_, name, description) in ERROR_RESPONSES {
        let response = ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build();
        components
            .responses
            .insert(name.to_owned(), RefOr::T(response));
    }
    for item in document.paths.paths.values_mut() {
        let shared_parameters = item.parameters.clone().unwrap_or_default();
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
            &mut item.head,
            &mut item.options,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            let takes = |place: ParameterIn| {
                operation
                    .parameters
                    .iter()
                    .flatten()
                    .chain(&shared_parameters)
                    .any(|parameter| parameter.parameter_in == place)
            };
            let json_body = operation.request_body.as_ref().is_some_and(|body| {
                body.content
                    .keys()
                    .any(|mime| mime == "application/json" || mime.ends_with("+json"))
            });
            let mut statuses = vec!["500"];
            if json_body {
                statuses.extend(["400", "413", "415", "422"]);
            }
            if takes(ParameterIn::Path) {
                statuses.push("404");
            }
            if takes(ParameterIn::Query) {
                statuses.push("422");
            }
            if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
                statuses.push("401");
            }
            for status in statuses {
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| error_response_ref(status));
            }
        }
    }
}
