//! Returns (issue "Return request, end to end"): for now the store's return policy as data
//! and the one function that reads it (`policy.rs`). The routes, the element and the desk's
//! queue come with the rest of the issue; their migrations are numbered 4000 to 4999.

pub mod policy;
