//! What `HelpCentre` says.

use crate::catalogue;

catalogue! {
    /// Texts of the help centre.
    pub enum HelpMsg {
        /// Accessible name of the whole help centre.
        Label { en: "Help centre", es: "Centro de ayuda", ar: "مركز المساعدة" }
        /// Label of the search box.
        SearchLabel { en: "Search the help centre", es: "Buscar en el centro de ayuda", ar: "ابحث في مركز المساعدة" }
        /// Hint under the search box.
        SearchHint { en: "A few words are enough, like “refund” or “track my order”.", es: "Bastan unas palabras, como «reembolso» o «seguir mi pedido».", ar: "تكفي بضع كلمات، مثل «استرداد» أو «تتبع طلبي»." }
        /// The search button.
        SearchButton { en: "Search", es: "Buscar", ar: "بحث" }
        /// Accessible name of the list of suggestions.
        SuggestionsLabel { en: "Suggested articles", es: "Artículos sugeridos", ar: "مقالات مقترحة" }
        /// Announced when suggestions arrive.
        SuggestionsCount { en: "{count} articles found. Use the up and down arrows to choose one.", es: "{count} artículos encontrados. Usa las flechas arriba y abajo para elegir uno.", ar: "عُثر على {count} مقالات. استخدم السهمين للأعلى وللأسفل لاختيار إحداها." }
        /// Announced when one suggestion arrives.
        OneSuggestion { en: "1 article found. Use the down arrow to choose it.", es: "1 artículo encontrado. Usa la flecha abajo para elegirlo.", ar: "عُثر على مقالة واحدة. استخدم السهم للأسفل لاختيارها." }
        /// Announced when nothing matches what is typed.
        NoSuggestions { en: "No articles match yet. Press Enter to search.", es: "Aún no hay artículos que coincidan. Pulsa Intro para buscar.", ar: "لا توجد مقالات مطابقة بعد. اضغط Enter للبحث." }
        /// Heading of the home.
        HomeHeading { en: "How can we help?", es: "¿En qué podemos ayudarte?", ar: "كيف يمكننا مساعدتك؟" }
        /// Heading of the categories.
        TopicsHeading { en: "Browse by topic", es: "Explora por tema", ar: "تصفح حسب الموضوع" }
        /// How many articles a category has.
        ArticleCount { en: "{count} articles", es: "{count} artículos", ar: "{count} مقالات" }
        /// Heading of the FAQ.
        FaqHeading { en: "Frequently asked questions", es: "Preguntas frecuentes", ar: "الأسئلة الشائعة" }
        /// Link from a FAQ answer to its article.
        ReadArticle { en: "Read the full article", es: "Leer el artículo completo", ar: "اقرأ المقالة كاملة" }
        /// Category: shipping.
        Shipping { en: "Shipping and delivery", es: "Envíos y entregas", ar: "الشحن والتوصيل" }
        /// Category: returns.
        Returns { en: "Returns and refunds", es: "Devoluciones y reembolsos", ar: "الإرجاع واسترداد المبالغ" }
        /// Category: payments.
        Payments { en: "Payments", es: "Pagos", ar: "الدفع" }
        /// Category: account.
        Account { en: "Your account", es: "Tu cuenta", ar: "حسابك" }
        /// Category: accessibility.
        Accessibility { en: "Accessibility and contact", es: "Accesibilidad y contacto", ar: "سهولة الوصول والتواصل" }
        /// Accessible name of the breadcrumbs.
        Breadcrumbs { en: "You are here", es: "Estás aquí", ar: "أنت هنا" }
        /// Heading of search results.
        ResultsHeading { en: "Results for “{query}”", es: "Resultados para «{query}»", ar: "نتائج البحث عن «{query}»" }
        /// Said when a misspelt search was corrected.
        Corrected { en: "No articles match what you typed, so these are for “{words}”.", es: "Ningún artículo coincide con lo que escribiste; estos son para «{words}».", ar: "لا توجد مقالات تطابق ما كتبته، لذا هذه نتائج «{words}»." }
        /// No results.
        NoResults { en: "No articles match “{query}”. Try other words, or ask us in the chat.", es: "Ningún artículo coincide con «{query}». Prueba con otras palabras o pregúntanos por chat.", ar: "لا توجد مقالات تطابق «{query}». جرّب كلمات أخرى، أو اسألنا في المحادثة." }
        /// While asking the server.
        Loading { en: "Loading…", es: "Cargando…", ar: "جارٍ التحميل…" }
        /// The server could not be reached.
        Failed { en: "This page could not be loaded. Check your connection and try again.", es: "No se pudo cargar esta página. Comprueba tu conexión y vuelve a intentarlo.", ar: "تعذّر تحميل هذه الصفحة. تحقق من اتصالك وحاول مرة أخرى." }
        /// Button to ask again.
        TryAgain { en: "Try again", es: "Reintentar", ar: "حاول مرة أخرى" }
        /// An article that is not there.
        NotFound { en: "This article is not available any more. Search for what you need, or browse the topics.", es: "Este artículo ya no está disponible. Busca lo que necesitas o explora los temas.", ar: "هذه المقالة لم تعد متاحة. ابحث عمّا تحتاجه أو تصفح المواضيع." }
        /// Note on an article shown in English because it has no translation.
        Fallback { en: "This article is shown in English.", es: "Este artículo aún no está traducido al español, así que te lo mostramos en inglés.", ar: "هذه المقالة غير مترجمة إلى العربية بعد، لذا نعرضها بالإنجليزية." }
        /// Heading of an article's table of contents.
        OnThisPage { en: "On this page", es: "En esta página", ar: "في هذه الصفحة" }
        /// Heading of related articles.
        Related { en: "Related articles", es: "Artículos relacionados", ar: "مقالات ذات صلة" }
        /// The feedback question.
        Helpful { en: "Was this article helpful?", es: "¿Te ha resultado útil este artículo?", ar: "هل كانت هذه المقالة مفيدة؟" }
        /// Answer yes.
        Yes { en: "Yes", es: "Sí", ar: "نعم" }
        /// Answer no.
        No { en: "No", es: "No", ar: "لا" }
        /// After a vote.
        Thanks { en: "Thank you for your answer.", es: "Gracias por tu respuesta.", ar: "شكرًا على إجابتك." }
        /// Label of the optional comment.
        CommentLabel { en: "What could we explain better? (optional)", es: "¿Qué podríamos explicar mejor? (opcional)", ar: "ما الذي يمكننا شرحه بشكل أفضل؟ (اختياري)" }
        /// Button sending the comment.
        SendComment { en: "Send comment", es: "Enviar comentario", ar: "أرسل التعليق" }
        /// After the comment.
        CommentThanks { en: "Thank you: your comment helps us improve this article.", es: "Gracias: tu comentario nos ayuda a mejorar este artículo.", ar: "شكرًا: تعليقك يساعدنا على تحسين هذه المقالة." }
        /// The comment is too long.
        CommentTooLong { en: "Your comment must be 1000 characters or fewer.", es: "Tu comentario debe tener 1000 caracteres como máximo.", ar: "يجب ألا يزيد تعليقك على 1000 حرف." }
        /// Feedback could not be sent.
        FeedbackFailed { en: "Your answer could not be sent. Please try again in a moment.", es: "No se pudo enviar tu respuesta. Vuelve a intentarlo en un momento.", ar: "تعذّر إرسال إجابتك. حاول مرة أخرى بعد قليل." }
        /// Heading above the chat button.
        StillNeedHelp { en: "Still need help?", es: "¿Todavía necesitas ayuda?", ar: "هل ما زلت بحاجة إلى مساعدة؟" }
        /// The chat button.
        ChatWithUs { en: "Chat with us", es: "Habla con nosotros", ar: "تحدث معنا" }
    }
}
