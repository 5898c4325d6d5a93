//! Everything the review form says, in English, Spanish and Arabic: the texts before the
//! shopper opens it ([`ReviewStartMsg`], in the module's first download) apart from the
//! form's ([`ReviewFormMsg`], in the chunk with the form): a catalogue's texts are all kept
//! wherever one of them is used.

use crate::catalogue;
pub use start::ReviewStartMsg;

/// A module of its own: each catalogue brings its own tests' module.
mod start {
    use crate::catalogue;

    catalogue! {
        /// Texts of `<sf-review-form>` before the shopper opens it: its heading, the button
        /// that opens it, and what is said while the form comes or when it could not.
        pub enum ReviewStartMsg {
            /// The heading before the form knows its product (the form names it then).
            Heading { en: "Write a review", es: "Escribe una opinión", ar: "اكتب مراجعة" }
            /// The button that opens the form.
            Start { en: "Write a review", es: "Escribir una opinión", ar: "اكتب مراجعة" }
            /// The form (its product, or the review link) is being fetched.
            Loading { en: "Loading the review form…", es: "Cargando el formulario de opinión…", ar: "جارٍ تحميل نموذج المراجعة…" }
            /// It could not be fetched.
            LoadFailed { en: "We couldn't load the review form. Check your connection and try again.", es: "No pudimos cargar el formulario. Revisa tu conexión e inténtalo de nuevo.", ar: "تعذر تحميل نموذج المراجعة. تحقق من اتصالك وحاول مرة أخرى." }
            /// Button to try again.
            TryAgain { en: "Try again", es: "Intentar de nuevo", ar: "حاول مرة أخرى" }
        }
    }
}

catalogue! {
    /// Texts of the opened `<sf-review-form>`: the form, the confirmation.
    pub enum ReviewFormMsg {
        /// No product, or an unknown one.
        NoProduct { en: "This product can't be reviewed here.", es: "Este producto no se puede valorar aquí.", ar: "لا يمكن مراجعة هذا المنتج هنا." }
        /// A review link expired or was altered, and there is no product to fall back to.
        LinkInvalid { en: "This review link has expired or isn't valid.", es: "Este enlace para opinar ha caducado o no es válido.", ar: "انتهت صلاحية رابط المراجعة هذا أو أنه غير صالح." }
        /// A review link was refused, but the form is shown for the product.
        LinkInvalidFallback { en: "This review link has expired or isn't valid. You can still write a review, and verify your purchase with your order number.", es: "Este enlace para opinar ha caducado o no es válido. Aún puedes escribir tu opinión y verificar tu compra con tu número de pedido.", ar: "انتهت صلاحية رابط المراجعة هذا أو أنه غير صالح. لا يزال بإمكانك كتابة مراجعة وتوثيق شرائك برقم طلبك." }
        /// The form's heading once its product is known; `{product}`.
        Heading { en: "Write a review of {product}", es: "Escribe una opinión sobre {product}", ar: "اكتب مراجعة عن {product}" }
        /// The form opened from a review link; `{number}`.
        VerifiedByLink { en: "You bought this in order {number}, so your review will show the Verified purchase badge.", es: "Lo compraste en el pedido {number}, así que tu opinión llevará la insignia de compra verificada.", ar: "اشتريت هذا المنتج في الطلب {number}، لذا ستظهر مراجعتك بشارة «شراء موثّق»." }
        /// Legend of the overall rating.
        RatingLabel { en: "Your rating", es: "Tu valoración", ar: "تقييمك" }
        /// Refusal: no rating.
        NoRating { en: "Choose a star rating from 1 to 5", es: "Elige una valoración de 1 a 5 estrellas", ar: "اختر تقييمًا من 1 إلى 5 نجوم" }
        /// Heading when the link's review was written already; `{product}`.
        AlreadyReviewed { en: "You've already reviewed {product}", es: "Ya has opinado sobre {product}", ar: "لقد راجعت {product} بالفعل" }
        /// That review is published.
        AlreadyLive { en: "Your review is live. Thank you!", es: "Tu opinión está publicada. ¡Gracias!", ar: "مراجعتك منشورة. شكرًا لك!" }
        /// That review is being checked.
        AlreadyHeld { en: "We're checking your review before publishing it.", es: "Estamos revisando tu opinión antes de publicarla.", ar: "نراجع مراجعتك قبل نشرها." }
        /// That review was not published.
        AlreadyRejected { en: "Your review wasn't published because it doesn't meet our guidelines.", es: "Tu opinión no se publicó porque no cumple nuestras normas.", ar: "لم تُنشر مراجعتك لأنها لا تتوافق مع إرشاداتنا." }
        /// Label of the title.
        TitleLabel { en: "Title", es: "Título", ar: "العنوان" }
        /// Label of the review's text.
        BodyLabel { en: "Your review", es: "Tu opinión", ar: "مراجعتك" }
        /// Hint of the review's text; `{min}`.
        BodyHint { en: "What did you like or dislike? At least {min} characters.", es: "¿Qué te gustó o no te gustó? Al menos {min} caracteres.", ar: "ما الذي أعجبك أو لم يعجبك؟ {min} أحرف على الأقل." }
        /// The review's length; `{count}` of `{max}`.
        BodyCount { en: "{count} of {max} characters", es: "{count} de {max} caracteres", ar: "{count} من {max} حرفًا" }
        /// Announced near the limit; `{left}`.
        BodyFewerThan { en: "Fewer than {left} characters left", es: "Quedan menos de {left} caracteres", ar: "بقي أقل من {left} حرفًا" }
        /// Announced at the limit; `{max}`.
        BodyAtLimit { en: "You have reached the limit of {max} characters", es: "Has llegado al límite de {max} caracteres", ar: "وصلت إلى الحد الأقصى وهو {max} حرفًا" }
        /// Announced once the limit is passed; `{max}`.
        BodyOverLimit { en: "You are over the limit of {max} characters", es: "Has superado el límite de {max} caracteres", ar: "لقد تجاوزت الحد الأقصى وهو {max} حرفًا" }
        /// Shown over the limit instead of the count; `{over}`.
        BodyOver { en: "{over} characters too many", es: "{over} caracteres de más", ar: "{over} حرفًا زائدًا" }
        /// Legend of the fit question.
        FitLegend { en: "How does it fit? (optional)", es: "¿Qué tal la talla? (opcional)", ar: "ما مدى ملاءمة المقاس؟ (اختياري)" }
        /// Fit: runs small.
        RunsSmall { en: "Runs small", es: "Talla pequeña", ar: "أصغر من المقاس" }
        /// Fit: true to size.
        TrueToSize { en: "True to size", es: "Talla correcta", ar: "مطابق للمقاس" }
        /// Fit: runs large.
        RunsLarge { en: "Runs large", es: "Talla grande", ar: "أكبر من المقاس" }
        /// Legend of the quality rating.
        QualityLabel { en: "Quality (optional)", es: "Calidad (opcional)", ar: "الجودة (اختياري)" }
        /// Label of the photo picker.
        PhotosLabel { en: "Photos (optional)", es: "Fotos (opcional)", ar: "صور (اختياري)" }
        /// Hint of the photo picker; `{max}`.
        PhotosHint { en: "Up to {max} PNG, JPEG, GIF or WebP images of 5 MB or less each.", es: "Hasta {max} imágenes PNG, JPEG, GIF o WebP de 5 MB como máximo cada una.", ar: "حتى {max} صور PNG أو JPEG أو GIF أو WebP، بحجم 5 ميغابايت أو أقل لكل منها." }
        /// A photo on its way (in the list).
        PhotoUploading { en: "Uploading…", es: "Subiendo…", ar: "جارٍ الرفع…" }
        /// A photo is being added (announced).
        PhotoAdding { en: "Adding your photo…", es: "Añadiendo tu foto…", ar: "جارٍ إضافة صورتك…" }
        /// A photo was stored (announced).
        PhotoAdded { en: "Photo added", es: "Foto añadida", ar: "تمت إضافة الصورة" }
        /// A photo was taken off (announced).
        PhotoRemoved { en: "Photo removed", es: "Foto quitada", ar: "تمت إزالة الصورة" }
        /// The button taking a photo off, followed by the file's name.
        RemovePhoto { en: "Remove", es: "Quitar", ar: "إزالة" }
        /// Label of the display name.
        DisplayNameLabel { en: "Your name, as shown with your review", es: "Tu nombre, tal como aparecerá con tu opinión", ar: "اسمك كما سيظهر مع مراجعتك" }
        /// Legend of the proof of purchase.
        VerifyLegend { en: "Verify your purchase (optional)", es: "Verifica tu compra (opcional)", ar: "وثّق شراءك (اختياري)" }
        /// What verifying does.
        VerifyHint { en: "Enter the order number and the email address you ordered with. We check them against your delivered order and show the Verified purchase badge with your review. We never show them to anyone.", es: "Escribe el número de pedido y el correo con el que compraste. Los comprobamos con tu pedido entregado y mostramos la insignia de compra verificada con tu opinión. Nunca los mostramos a nadie.", ar: "أدخل رقم الطلب والبريد الإلكتروني الذي طلبت به. نتحقق منهما مقابل طلبك الذي تم تسليمه ونُظهر شارة «شراء موثّق» مع مراجعتك. لا نعرضهما لأحد أبدًا." }
        /// Label of the order number.
        OrderNumberLabel { en: "Order number", es: "Número de pedido", ar: "رقم الطلب" }
        /// The submit button.
        Submit { en: "Submit review", es: "Enviar opinión", ar: "إرسال المراجعة" }
        /// The submit button while the review is sent.
        Submitting { en: "Submitting your review…", es: "Enviando tu opinión…", ar: "جارٍ إرسال مراجعتك…" }
        /// Confirmation: published at once.
        DoneLive { en: "Thanks — your review is live", es: "Gracias: tu opinión ya está publicada", ar: "شكرًا — مراجعتك منشورة الآن" }
        /// Confirmation: held for a person to read; says every reason a review is held.
        DoneHeld { en: "Thanks — we check reviews that contain links, personal details or language that breaks our guidelines before publishing them; we'll publish yours if it meets them.", es: "Gracias: revisamos las opiniones que contienen enlaces, datos personales o lenguaje que incumple nuestras normas antes de publicarlas; publicaremos la tuya si las cumple.", ar: "شكرًا — نراجع المراجعات التي تحتوي على روابط أو بيانات شخصية أو لغة تخالف إرشاداتنا قبل نشرها، وسننشر مراجعتك إذا كانت تتوافق معها." }
        /// Confirmation of a replayed submission the store had rejected since.
        DoneRejected { en: "Thanks — this review wasn't published because it doesn't meet our guidelines", es: "Gracias: esta opinión no se publicó porque no cumple nuestras normas", ar: "شكرًا — لم تُنشر هذه المراجعة لأنها لا تتوافق مع إرشاداتنا" }
        /// The badge of a verified review.
        VerifiedBadge { en: "Verified purchase", es: "Compra verificada", ar: "شراء موثّق" }
        /// Refusal: a quality rating out of range, or asked of a product that does not ask.
        QualityInvalid { en: "Choose a quality rating from 1 to 5 stars, or none", es: "Elige una calidad de 1 a 5 estrellas, o ninguna", ar: "اختر تقييمًا للجودة من 1 إلى 5 نجوم أو اتركه فارغًا" }
        /// Refusal: a fit answer the product does not ask for.
        FitInvalid { en: "Choose how it fits from the list, or nothing", es: "Elige la talla de la lista, o nada", ar: "اختر المقاس من القائمة أو اتركه فارغًا" }
        /// Refusal: no title.
        NoTitle { en: "Enter a title for your review", es: "Escribe un título para tu opinión", ar: "أدخل عنوانًا لمراجعتك" }
        /// Refusal: title too long; `{max}`.
        TitleTooLong { en: "Title must be {max} characters or fewer", es: "El título debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد العنوان عن {max} حرفًا" }
        /// Refusal: body too short; `{min}`.
        BodyTooShort { en: "Your review must be at least {min} characters", es: "Tu opinión debe tener al menos {min} caracteres", ar: "يجب ألا تقل مراجعتك عن {min} أحرف" }
        /// Refusal: body too long; `{max}`.
        BodyTooLong { en: "Your review must be {max} characters or fewer", es: "Tu opinión debe tener {max} caracteres como máximo", ar: "يجب ألا تزيد مراجعتك عن {max} حرفًا" }
        /// Refusal: no display name.
        NoDisplayName { en: "Enter the name to show with your review", es: "Escribe el nombre que se mostrará con tu opinión", ar: "أدخل الاسم الذي سيظهر مع مراجعتك" }
        /// Refusal: display name too long; `{max}`.
        DisplayNameTooLong { en: "Name must be {max} characters or fewer", es: "El nombre debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد الاسم عن {max} حرفًا" }
        /// Refusal: too many photos; `{max}`.
        TooManyPhotos { en: "Add up to {max} photos", es: "Añade hasta {max} fotos", ar: "أضف {max} صور كحد أقصى" }
        /// Refusal: a photo the server does not know.
        UnknownPhoto { en: "A photo didn't upload. Remove it and add it again", es: "Una foto no se subió. Quítala y vuelve a añadirla", ar: "لم تُرفع إحدى الصور. أزلها وأضفها مرة أخرى" }
        /// Refusal: a photo still uploading.
        PhotoWait { en: "Wait for your photos to finish uploading", es: "Espera a que terminen de subirse tus fotos", ar: "انتظر حتى يكتمل رفع صورك" }
        /// Refusal: not an image the store takes.
        PhotoType { en: "Choose a PNG, JPEG, GIF or WebP image", es: "Elige una imagen PNG, JPEG, GIF o WebP", ar: "اختر صورة PNG أو JPEG أو GIF أو WebP" }
        /// Refusal: too large.
        PhotoSize { en: "Choose an image of 5 MB or less", es: "Elige una imagen de 5 MB como máximo", ar: "اختر صورة بحجم 5 ميغابايت أو أقل" }
        /// Refusal: an order number in the wrong format.
        BadOrderNumber { en: "Enter the order number as it appears on your confirmation, like SF-1001", es: "Escribe el número de pedido tal como aparece en tu confirmación, como SF-1001", ar: "أدخل رقم الطلب كما يظهر في رسالة التأكيد، مثل SF-1001" }
        /// Refusal: no delivered order of the product matches.
        NotPurchased { en: "We couldn't find a delivered order of this product with that order number and email address. Check both, or leave them empty to post without the badge", es: "No encontramos un pedido entregado de este producto con ese número y ese correo. Revisa ambos, o déjalos vacíos para publicar sin la insignia", ar: "لم نجد طلبًا مُسلّمًا لهذا المنتج بهذا الرقم والبريد الإلكتروني. تحقق منهما، أو اتركهما فارغين للنشر دون الشارة" }
        /// Refusal: the order has a review of the product.
        AlreadyReviewedOrder { en: "You've already reviewed this product from that order", es: "Ya has opinado sobre este producto de ese pedido", ar: "لقد راجعت هذا المنتج من ذلك الطلب بالفعل" }
    }
}
