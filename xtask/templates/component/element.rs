/// `<sf-__kebab__>`: TODO say what it does.
pub mod __snake__ {
    use super::*;

    /// The declaration.
    pub const ELEMENT: ElementDeclaration = ElementDeclaration {
        tag: "sf-__kebab__",
        attributes: &[],
        stylesheets: &[stylesheet!("__kebab__.css")],
        launcher: None,
        module: None,
    };
}

