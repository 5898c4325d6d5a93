//! The messages. Add one by adding an entry: the macro refuses an entry without all
//! three languages, and code naming a key that is not here does not compile.

use super::Locale;

/// Declares [`Msg`] and its texts from entries of the form
/// `Key { en: "...", es: "...", ar: "..." }`.
macro_rules! catalogue {
    ($( $(#[doc = $doc:literal])* $key:ident { en: $en:literal, es: $es:literal, ar: $ar:literal } )*) => {
        /// A key of the i18n catalogue: one sentence or label a person reads.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $( $(#[doc = $doc])* $key, )*
        }

        impl Msg {
            /// Every key, for checks over the whole catalogue.
            pub const ALL: &'static [Msg] = &[ $( Msg::$key, )* ];

            /// This message in `locale`.
            pub fn text(self, locale: Locale) -> &'static str {
                match self {
                    $( Msg::$key => match locale {
                        Locale::En => $en,
                        Locale::Es => $es,
                        Locale::Ar => $ar,
                    }, )*
                }
            }
        }
    };
}

catalogue! {
    /// Brand line in the portal header and the document title.
    SiteName { en: "Storefront support", es: "Atención al cliente", ar: "دعم المتجر" }
    /// The skip link, the first thing a keyboard user reaches.
    SkipToContent { en: "Skip to main content", es: "Saltar al contenido principal", ar: "انتقل إلى المحتوى الرئيسي" }
    /// Accessible name of the main navigation.
    MainNavigation { en: "Main", es: "Principal", ar: "الرئيسية" }
    /// Navigation: home page.
    NavHome { en: "Home", es: "Inicio", ar: "الصفحة الرئيسية" }
    /// Navigation: shipment tracking.
    NavTrack { en: "Track an order", es: "Seguir un pedido", ar: "تتبع طلبًا" }
    /// Navigation: returns.
    NavReturns { en: "Returns", es: "Devoluciones", ar: "المرتجعات" }
    /// Navigation: reviews.
    NavReviews { en: "Reviews", es: "Opiniones", ar: "المراجعات" }
    /// Navigation: help centre.
    NavHelp { en: "Help centre", es: "Centro de ayuda", ar: "مركز المساعدة" }
    /// Navigation: contact (live chat).
    NavContact { en: "Contact us", es: "Contacto", ar: "اتصل بنا" }
    /// Navigation: the agents' desk.
    NavDesk { en: "Support desk", es: "Mesa de soporte", ar: "مكتب الدعم" }
    /// Label of the language switcher.
    LanguageLabel { en: "Language", es: "Idioma", ar: "اللغة" }
    /// Footer line.
    FooterNote { en: "Help in English, Spanish and Arabic, for every shopper.", es: "Ayuda en inglés, español y árabe, para todos.", ar: "مساعدة بالإنجليزية والإسبانية والعربية لكل متسوق." }
    /// Home page heading.
    HomeHeading { en: "How can we help?", es: "¿Cómo podemos ayudarte?", ar: "كيف يمكننا مساعدتك؟" }
    /// Home page introduction.
    HomeIntro { en: "Track a parcel, return something, read and write reviews, or find an answer. If you get stuck, talk to us.", es: "Sigue un paquete, devuelve algo, lee y escribe opiniones o encuentra una respuesta. Si te atascas, habla con nosotros.", ar: "تتبّع طردًا، أو أرجع منتجًا، أو اقرأ المراجعات واكتبها، أو ابحث عن إجابة. وإن واجهت مشكلة فتحدث إلينا." }
    /// Heading of the page tracking orders.
    TrackHeading { en: "Track an order", es: "Seguir un pedido", ar: "تتبع طلبًا" }
    /// Heading of the returns page.
    ReturnsHeading { en: "Return an item", es: "Devolver un artículo", ar: "إرجاع منتج" }
    /// Heading of the reviews page.
    ReviewsHeading { en: "Reviews", es: "Opiniones", ar: "المراجعات" }
    /// Heading of the help centre.
    HelpHeading { en: "Help centre", es: "Centro de ayuda", ar: "مركز المساعدة" }
    /// Heading of the contact page.
    ContactHeading { en: "Contact us", es: "Contacto", ar: "اتصل بنا" }
    /// Said on pages whose component is still being built.
    ComingSoon { en: "This part of the portal is on its way. Until then, our team can help you by email at help@demo.store.", es: "Esta parte del portal llegará pronto. Mientras tanto, nuestro equipo te ayuda por correo en help@demo.store.", ar: "هذا الجزء من البوابة قادم قريبًا. وحتى ذلك الحين يمكن لفريقنا مساعدتك عبر البريد help@demo.store." }
    /// Heading of the page for unknown addresses.
    NotFoundHeading { en: "Page not found", es: "Página no encontrada", ar: "الصفحة غير موجودة" }
    /// Body of the page for unknown addresses.
    NotFoundBody { en: "Check the address, or go back to the home page.", es: "Revisa la dirección o vuelve a la página de inicio.", ar: "تحقق من العنوان، أو عد إلى الصفحة الرئيسية." }
    /// Heading of the desk.
    DeskHeading { en: "Support desk", es: "Mesa de soporte", ar: "مكتب الدعم" }
    /// Heading of the desk's sign-in form.
    DeskSignInHeading { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
    /// Label of the email field.
    EmailLabel { en: "Email address", es: "Correo electrónico", ar: "البريد الإلكتروني" }
    /// Label of the password field.
    PasswordLabel { en: "Password", es: "Contraseña", ar: "كلمة المرور" }
    /// The sign-in button.
    SignInButton { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
    /// Shown while signing in.
    SigningIn { en: "Signing in…", es: "Iniciando sesión…", ar: "جارٍ تسجيل الدخول…" }
    /// The sign-out button.
    SignOutButton { en: "Sign out", es: "Cerrar sesión", ar: "تسجيل الخروج" }
    /// Greeting of a signed-in agent; `{name}` is their display name.
    DeskSignedInAs { en: "Signed in as {name}", es: "Sesión iniciada como {name}", ar: "تم تسجيل الدخول باسم {name}" }
    /// The desk's queue when nothing waits.
    DeskQueueEmpty { en: "No conversations are waiting. New chats, returns and reviews will appear here.", es: "No hay conversaciones en espera. Aquí aparecerán nuevos chats, devoluciones y opiniones.", ar: "لا توجد محادثات في الانتظار. ستظهر هنا المحادثات والمرتجعات والمراجعات الجديدة." }
    /// Shown after signing out.
    SignedOut { en: "You have signed out.", es: "Has cerrado la sesión.", ar: "لقد سجلت الخروج." }
    /// Title of an error summary (GOV.UK pattern).
    ErrorSummaryTitle { en: "There is a problem", es: "Hay un problema", ar: "توجد مشكلة" }
    /// Prefix read before an inline field error.
    ErrorPrefix { en: "Error:", es: "Error:", ar: "خطأ:" }
    /// The email field was left empty.
    EmailMissing { en: "Enter your email address", es: "Escribe tu correo electrónico", ar: "أدخل بريدك الإلكتروني" }
    /// The email field does not hold an address.
    EmailInvalid { en: "Enter an email address in the correct format, like name@example.com", es: "Escribe un correo con el formato correcto, como nombre@ejemplo.com", ar: "أدخل بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.com" }
    /// The email field is too long.
    EmailTooLong { en: "Email address must be 254 characters or fewer", es: "El correo debe tener 254 caracteres como máximo", ar: "يجب ألا يزيد البريد الإلكتروني عن 254 حرفًا" }
    /// The password field was left empty.
    PasswordMissing { en: "Enter your password", es: "Escribe tu contraseña", ar: "أدخل كلمة المرور" }
    /// The password is too long.
    PasswordTooLong { en: "Password must be 256 characters or fewer", es: "La contraseña debe tener 256 caracteres como máximo", ar: "يجب ألا تزيد كلمة المرور عن 256 حرفًا" }
    /// Wrong email or password.
    WrongCredentials { en: "The email address or password is not right. Check them and try again.", es: "El correo o la contraseña no son correctos. Revísalos e inténtalo de nuevo.", ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى." }
    /// Locked out after repeated failures; `{seconds}` until the next try.
    TooManyAttempts { en: "Too many attempts. Wait {seconds} seconds, then try again.", es: "Demasiados intentos. Espera {seconds} segundos y vuelve a intentarlo.", ar: "محاولات كثيرة جدًا. انتظر {seconds} ثانية ثم حاول مرة أخرى." }
    /// The server could not be reached.
    NetworkError { en: "We could not reach the support service. Check your connection and try again.", es: "No pudimos conectar con el servicio de atención. Revisa tu conexión e inténtalo de nuevo.", ar: "تعذر الوصول إلى خدمة الدعم. تحقق من اتصالك وحاول مرة أخرى." }
    /// The server failed.
    ServerError { en: "Something went wrong on our side. Please try again in a moment.", es: "Algo salió mal por nuestra parte. Inténtalo de nuevo en un momento.", ar: "حدث خطأ من جهتنا. يرجى المحاولة بعد قليل." }
    /// Accessible name of the service status element.
    StatusLabel { en: "Support service status", es: "Estado del servicio de atención", ar: "حالة خدمة الدعم" }
    /// Status: still asking the server.
    StatusChecking { en: "Checking whether support is available…", es: "Comprobando si la atención está disponible…", ar: "جارٍ التحقق من توفر الدعم…" }
    /// Status: all fine.
    StatusOnline { en: "Support is online", es: "La atención está disponible", ar: "الدعم متاح" }
    /// Status: server up, database not.
    StatusDegraded { en: "Support is having problems. Some things may not work.", es: "La atención tiene problemas. Algunas funciones pueden fallar.", ar: "يواجه الدعم مشكلات. قد لا تعمل بعض الميزات." }
    /// Status: server unreachable.
    StatusUnreachable { en: "Support cannot be reached right now", es: "No se puede contactar con la atención ahora", ar: "لا يمكن الوصول إلى الدعم الآن" }
    /// Button to ask the status again.
    StatusRetry { en: "Check again", es: "Comprobar de nuevo", ar: "تحقق مرة أخرى" }
}
