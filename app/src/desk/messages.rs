//! What the support desk says.

use sf_components::catalogue;

catalogue! {
    /// Texts of the support desk.
    pub enum DeskMsg {
        /// Heading of the desk.
        Heading { en: "Support desk", es: "Mesa de soporte", ar: "مكتب الدعم" }
        /// Heading of the desk's sign-in form.
        SignInHeading { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
        /// Label of the password field.
        PasswordLabel { en: "Password", es: "Contraseña", ar: "كلمة المرور" }
        /// The sign-in button.
        SignInButton { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
        /// Shown while signing in.
        SigningIn { en: "Signing in…", es: "Iniciando sesión…", ar: "جارٍ تسجيل الدخول…" }
        /// The sign-out button.
        SignOutButton { en: "Sign out", es: "Cerrar sesión", ar: "تسجيل الخروج" }
        /// Greeting of a signed-in agent; `{name}` is their display name.
        SignedInAs { en: "Signed in as {name}", es: "Sesión iniciada como {name}", ar: "تم تسجيل الدخول باسم {name}" }
        /// The desk's queue when nothing waits.
        QueueEmpty { en: "No conversations are waiting. New chats, returns and reviews will appear here.", es: "No hay conversaciones en espera. Aquí aparecerán nuevos chats, devoluciones y opiniones.", ar: "لا توجد محادثات في الانتظار. ستظهر هنا المحادثات والمرتجعات والمراجعات الجديدة." }
        /// Shown after signing out.
        SignedOut { en: "You have signed out.", es: "Has cerrado la sesión.", ar: "لقد سجلت الخروج." }
        /// The password field was left empty.
        PasswordMissing { en: "Enter your password", es: "Escribe tu contraseña", ar: "أدخل كلمة المرور" }
        /// The password is too long.
        PasswordTooLong { en: "Password must be 256 characters or fewer", es: "La contraseña debe tener 256 caracteres como máximo", ar: "يجب ألا تزيد كلمة المرور عن 256 حرفًا" }
        /// Wrong email or password.
        WrongCredentials { en: "The email address or password is not right. Check them and try again.", es: "El correo o la contraseña no son correctos. Revísalos e inténtalo de nuevo.", ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى." }
    }
}
