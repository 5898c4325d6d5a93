//! What `<sf-reviews>` says, in every language.
//!
//! Counts follow the other catalogues: a message for one and one for any other number, and
//! Arabic phrased so one form reads right for every number ("عدد التقييمات: 12"), since its
//! plural has six forms. Numbers are written with Latin digits, as everywhere else in the
//! components.

use crate::catalogue;

catalogue! {
    /// Texts of `<sf-reviews>`.
    pub enum ReviewsMsg {
        /// The component's heading.
        Heading { en: "Customer reviews", es: "Opiniones de clientes", ar: "آراء العملاء" }
        /// Status while the reviews are on their way.
        Loading { en: "Loading reviews…", es: "Cargando opiniones…", ar: "جارٍ تحميل التقييمات…" }
        /// The reviews could not be fetched (before the error's own sentence).
        LoadFailed { en: "The reviews could not be loaded.", es: "No se pudieron cargar las opiniones.", ar: "تعذر تحميل التقييمات." }
        /// The element names a product the store does not know.
        UnknownProduct { en: "This product's reviews could not be found.", es: "No se encontraron las opiniones de este producto.", ar: "تعذر العثور على تقييمات هذا المنتج." }
        /// Asks again after a failure.
        TryAgain { en: "Try again", es: "Reintentar", ar: "حاول مرة أخرى" }
        /// No published review at all.
        Empty { en: "No reviews yet — be the first", es: "Todavía no hay opiniones: sé el primero", ar: "لا توجد تقييمات بعد — كن أول من يكتب تقييمًا" }
        /// Reviews exist, but none with this rating or with photos.
        NoMatch { en: "No reviews match these filters.", es: "Ninguna opinión coincide con estos filtros.", ar: "لا توجد تقييمات تطابق عوامل التصفية هذه." }
        /// A rating as text; `{stars}` is a number such as 4.3.
        OutOf5 { en: "{stars} out of 5 stars", es: "{stars} de 5 estrellas", ar: "{stars} من 5 نجوم" }
        /// How many reviews, for one.
        Review1 { en: "1 review", es: "1 opinión", ar: "تقييم واحد" }
        /// How many reviews, for any other number; `{count}`.
        Reviews { en: "{count} reviews", es: "{count} opiniones", ar: "عدد التقييمات: {count}" }
        /// One star, as a histogram row names it.
        Star1 { en: "1 star", es: "1 estrella", ar: "نجمة واحدة" }
        /// Two stars.
        Stars2 { en: "2 stars", es: "2 estrellas", ar: "نجمتان" }
        /// Three to five stars; `{stars}`.
        Stars { en: "{stars} stars", es: "{stars} estrellas", ar: "{stars} نجوم" }
        /// A number with one decimal, as an average is written; `{whole}` and `{tenth}` digits.
        Decimal { en: "{whole}.{tenth}", es: "{whole},{tenth}", ar: "{whole}.{tenth}" }
        /// A share of the reviews; `{percent}` is a whole number.
        Percent { en: "{percent}%", es: "{percent} %", ar: "{percent}٪" }
        /// One histogram row: "5 stars: 12 reviews (60%)"; `{stars}`, `{reviews}`, `{percent}`.
        HistogramRow { en: "{stars}: {reviews} ({percent})", es: "{stars}: {reviews} ({percent})", ar: "{stars}: {reviews} ({percent})" }
        /// Name of the histogram, whose rows filter the list (pressed again, a row shows
        /// every rating).
        FilterByRating { en: "Filter by rating", es: "Filtrar por valoración", ar: "التصفية حسب التقييم" }
        /// Label of the sort control.
        SortBy { en: "Sort by", es: "Ordenar por", ar: "ترتيب حسب" }
        /// Newest first.
        SortNewest { en: "Newest", es: "Más recientes", ar: "الأحدث" }
        /// Most helpful first.
        SortMostHelpful { en: "Most helpful", es: "Más útiles", ar: "الأكثر فائدة" }
        /// Five stars first.
        SortHighest { en: "Highest rating", es: "Mejor valoración", ar: "الأعلى تقييمًا" }
        /// One star first.
        SortLowest { en: "Lowest rating", es: "Peor valoración", ar: "الأدنى تقييمًا" }
        /// Only reviews with photos.
        WithPhotos { en: "With photos", es: "Con fotos", ar: "مع صور" }
        /// How many are listed, when all are; one.
        Showing1 { en: "Showing 1 review", es: "Se muestra 1 opinión", ar: "يُعرض تقييم واحد" }
        /// How many are listed, when all are; `{count}`.
        ShowingAll { en: "Showing {count} reviews", es: "Se muestran {count} opiniones", ar: "عدد التقييمات المعروضة: {count}" }
        /// How many are listed of how many match; `{shown}` of `{count}`.
        ShowingSome { en: "Showing {shown} of {count} reviews", es: "Se muestran {shown} de {count} opiniones", ar: "التقييمات المعروضة: {shown} من {count}" }
        /// Appends the next page.
        ShowMore { en: "Show more reviews", es: "Mostrar más opiniones", ar: "عرض المزيد من التقييمات" }
        /// The next page could not be fetched.
        MoreFailed { en: "More reviews could not be loaded.", es: "No se pudieron cargar más opiniones.", ar: "تعذر تحميل المزيد من التقييمات." }
        /// Badge of a review tied to a delivered order.
        Verified { en: "Verified purchase", es: "Compra verificada", ar: "شراء موثّق" }
        /// Label of the fit answer.
        Fit { en: "Fit", es: "Talla", ar: "المقاس" }
        /// Fit: smaller than its size says.
        RunsSmall { en: "Runs small", es: "Talla pequeña", ar: "أصغر من المقاس المعتاد" }
        /// Fit: as its size says.
        TrueToSize { en: "True to size", es: "Talla fiel", ar: "مطابق للمقاس" }
        /// Fit: larger than its size says.
        RunsLarge { en: "Runs large", es: "Talla grande", ar: "أكبر من المقاس المعتاد" }
        /// Label of the quality rating.
        Quality { en: "Quality", es: "Calidad", ar: "الجودة" }
        /// A photo's alternative text; `{index}` from 1, `{name}` the reviewer's.
        PhotoAlt { en: "Photo {index} from {name}'s review", es: "Foto {index} de la opinión de {name}", ar: "الصورة {index} من تقييم {name}" }
        /// Heading of the store's reply.
        StoreReply { en: "Response from the store", es: "Respuesta de la tienda", ar: "رد المتجر" }
        /// The helpful question.
        Helpful { en: "Was this helpful?", es: "¿Te resultó útil?", ar: "هل كان هذا مفيدًا؟" }
        /// The vote button; its name stays the same once pressed (its description names the
        /// review and the count).
        Yes { en: "Yes", es: "Sí", ar: "نعم" }
        /// How many found a review helpful, for one.
        FoundHelpful1 { en: "1 person found this helpful", es: "A 1 persona le resultó útil", ar: "وجد شخص واحد هذا مفيدًا" }
        /// How many found a review helpful, for any other number; `{count}`.
        FoundHelpful { en: "{count} people found this helpful", es: "A {count} personas les resultó útil", ar: "عدد من وجدوا هذا مفيدًا: {count}" }
        /// After a vote (also when this browser had voted before).
        Thanks { en: "Thanks — you found this helpful", es: "Gracias: te resultó útil", ar: "شكرًا — وجدت هذا مفيدًا" }
        /// Too many votes from this browser for now.
        VoteLimited { en: "Too many votes for now. Try again in a few minutes.", es: "Demasiados votos por ahora. Inténtalo dentro de unos minutos.", ar: "أصوات كثيرة جدًا الآن. حاول بعد بضع دقائق." }
        /// The vote did not reach the store.
        VoteFailed { en: "Your vote could not be sent. Try again.", es: "No se pudo enviar tu voto. Inténtalo de nuevo.", ar: "تعذر إرسال تصويتك. حاول مرة أخرى." }
    }
}
