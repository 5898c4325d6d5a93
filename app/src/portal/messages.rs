//! What the portal's frame and pages say.

use sf_components::catalogue;

catalogue! {
    /// Texts of the shopper portal's frame and placeholder pages.
    pub enum PortalMsg {
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
    }
}
