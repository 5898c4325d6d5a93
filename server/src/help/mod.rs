//! The help centre's server side. For now its search, which the chat's "nobody online"
//! suggestions use; the help centre's own routes come with its issue.

pub mod search;
