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
        /// Heading of the desk's chat.
        ChatHeading { en: "Live chat", es: "Chat en vivo", ar: "الدردشة المباشرة" }
        /// The agent's availability switch.
        AvailableForChats { en: "Available for chats", es: "Disponible para chats", ar: "متاح للدردشة" }
        /// Accessible name of the inbox's views.
        InboxLabel { en: "Conversations to show", es: "Conversaciones que mostrar", ar: "المحادثات المعروضة" }
        /// Open conversations nobody has taken.
        ViewUnassigned { en: "Unassigned", es: "Sin asignar", ar: "غير مسندة" }
        /// Open conversations of this agent.
        ViewMine { en: "Mine", es: "Mías", ar: "محادثاتي" }
        /// Every open conversation.
        ViewAll { en: "All open", es: "Todas las abiertas", ar: "كل المفتوحة" }
        /// Closed conversations.
        ViewClosed { en: "Closed", es: "Cerradas", ar: "المغلقة" }
        /// An inbox view with nothing in it.
        InboxEmpty { en: "No conversations here.", es: "No hay conversaciones aquí.", ar: "لا توجد محادثات هنا." }
        /// The inbox could not be read.
        InboxFailed { en: "The conversations could not be loaded. They will be tried again when something changes.", es: "No se pudieron cargar las conversaciones. Se volverá a intentar cuando algo cambie.", ar: "تعذر تحميل المحادثات. ستتم المحاولة مرة أخرى عند حدوث أي تغيير." }
        /// Unread messages of a conversation; `{count}`.
        Unread { en: "{count} unread", es: "{count} sin leer", ar: "{count} غير مقروءة" }
        /// Heading of an open conversation; `{name}`.
        ConversationWith { en: "Conversation with {name}", es: "Conversación con {name}", ar: "محادثة مع {name}" }
        /// Term: the shopper's email.
        EmailTerm { en: "Email", es: "Correo", ar: "البريد الإلكتروني" }
        /// Term: the order attached.
        OrderTerm { en: "Order", es: "Pedido", ar: "الطلب" }
        /// The help article the shopper read before asking.
        ArticleTerm { en: "Read before asking", es: "Leyó antes de preguntar", ar: "قرأ قبل السؤال" }
        /// What the shopper searched the help centre for.
        SearchesTerm { en: "Searched the help centre for", es: "Buscó en el centro de ayuda", ar: "بحث في مركز المساعدة عن" }
        /// Accessible name of the transcript.
        TranscriptLabel { en: "Messages", es: "Mensajes", ar: "الرسائل" }
        /// The preview of a conversation whose last message is an image alone.
        ImagePreview { en: "(an image)", es: "(una imagen)", ar: "(صورة)" }
        /// Author of the shopper's messages.
        AuthorShopper { en: "Shopper", es: "Cliente", ar: "العميل" }
        /// A reply not stored yet.
        Sending { en: "Sending…", es: "Enviando…", ar: "جارٍ الإرسال…" }
        /// The shopper is typing.
        ShopperTyping { en: "The shopper is typing…", es: "El cliente está escribiendo…", ar: "العميل يكتب…" }
        /// The conversation is closed.
        ConversationClosed { en: "This conversation is closed.", es: "Esta conversación está cerrada.", ar: "هذه المحادثة مغلقة." }
        /// Label of the reply box.
        ReplyLabel { en: "Reply", es: "Respuesta", ar: "الرد" }
        /// The send button.
        SendReply { en: "Send reply", es: "Enviar respuesta", ar: "إرسال الرد" }
        /// Label of the agent to give the conversation to.
        AssignTo { en: "Assign to", es: "Asignar a", ar: "إسناد إلى" }
        /// The signed-in agent in the list of agents; `{name}`.
        Me { en: "{name} (me)", es: "{name} (yo)", ar: "{name} (أنا)" }
        /// The button giving the conversation to the agent chosen.
        Assign { en: "Assign", es: "Asignar", ar: "إسناد" }
        /// Close the conversation.
        CloseConversation { en: "Close conversation", es: "Cerrar conversación", ar: "إغلاق المحادثة" }
        /// Reopen the conversation.
        Reopen { en: "Reopen conversation", es: "Reabrir conversación", ar: "إعادة فتح المحادثة" }
        /// Heading of the shopper's timeline beside a conversation.
        TimelineHeading { en: "About this shopper", es: "Sobre este cliente", ar: "عن هذا العميل" }
        /// Nothing else is known of the shopper.
        TimelineEmpty { en: "No orders or earlier conversations.", es: "Sin pedidos ni conversaciones anteriores.", ar: "لا توجد طلبات أو محادثات سابقة." }
        /// One of the shopper's orders; `{number}`, `{date}`.
        TimelineOrder { en: "Order {number}, placed {date}", es: "Pedido {number}, realizado el {date}", ar: "الطلب {number}، بتاريخ {date}" }
        /// Another conversation of the shopper; `{date}` of its last message.
        TimelineConversation { en: "Conversation, {date}", es: "Conversación, {date}", ar: "محادثة، {date}" }
        /// The timeline could not be read.
        TimelineFailed { en: "What we know of this shopper could not be loaded.", es: "No se pudo cargar lo que sabemos de este cliente.", ar: "تعذر تحميل معلومات هذا العميل." }
        /// An agent's note on the timeline; `{channel}`, `{date}`, `{agent}`.
        TimelineNote { en: "{channel}, {date} ({agent})", es: "{channel}, {date} ({agent})", ar: "{channel}، {date} ({agent})" }
        /// Label of where a noted contact happened.
        NoteChannelLabel { en: "Contact made", es: "Contacto realizado", ar: "طريقة التواصل" }
        /// A contact at a store's counter.
        ChannelStore { en: "In a store", es: "En una tienda", ar: "في متجر" }
        /// A contact by phone.
        ChannelPhone { en: "By phone", es: "Por teléfono", ar: "عبر الهاتف" }
        /// Any other contact.
        ChannelOther { en: "Elsewhere", es: "En otro lugar", ar: "في مكان آخر" }
        /// Label of the note's text.
        NoteLabel { en: "Note", es: "Nota", ar: "ملاحظة" }
        /// The button adding a note.
        AddNote { en: "Add note", es: "Añadir nota", ar: "إضافة ملاحظة" }
        /// A note could not be added.
        NoteFailed { en: "The note was not added. Write what happened, then try again.", es: "No se añadió la nota. Escribe lo que ocurrió e inténtalo de nuevo.", ar: "لم تتم إضافة الملاحظة. اكتب ما حدث ثم حاول مرة أخرى." }
        /// Label of the canned reply picker.
        CannedLabel { en: "Canned reply", es: "Respuesta guardada", ar: "رد محفوظ" }
        /// The picker's empty choice.
        CannedNone { en: "Choose one", es: "Elige una", ar: "اختر ردًا" }
        /// Puts the chosen canned reply into the reply box.
        CannedInsert { en: "Insert", es: "Insertar", ar: "إدراج" }
        /// The canned replies' manager.
        CannedManage { en: "Canned replies", es: "Respuestas guardadas", ar: "الردود المحفوظة" }
        /// Edit a canned reply.
        CannedEdit { en: "Edit", es: "Editar", ar: "تعديل" }
        /// Edit a canned reply, named; `{title}`.
        CannedEditNamed { en: "Edit {title}", es: "Editar {title}", ar: "تعديل {title}" }
        /// Remove a canned reply.
        CannedDelete { en: "Delete", es: "Eliminar", ar: "حذف" }
        /// Remove a canned reply, named; `{title}`.
        CannedDeleteNamed { en: "Delete {title}", es: "Eliminar {title}", ar: "حذف {title}" }
        /// Label of a canned reply's title.
        CannedTitleLabel { en: "Title", es: "Título", ar: "العنوان" }
        /// Label of a canned reply's text.
        CannedBodyLabel { en: "Reply text", es: "Texto de la respuesta", ar: "نص الرد" }
        /// Add a canned reply.
        CannedAdd { en: "Add canned reply", es: "Añadir respuesta guardada", ar: "إضافة رد محفوظ" }
        /// Save an edited canned reply.
        CannedSaveChanges { en: "Save changes", es: "Guardar cambios", ar: "حفظ التغييرات" }
        /// A canned reply was refused.
        CannedFailed { en: "Give the reply a title (80 characters at most) and a text (2,000 characters at most), then try again.", es: "Pon a la respuesta un título (80 caracteres como máximo) y un texto (2000 como máximo) e inténtalo de nuevo.", ar: "أعطِ الرد عنوانًا (80 حرفًا كحد أقصى) ونصًا (2000 حرف كحد أقصى) ثم حاول مرة أخرى." }
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
