//! Everything the star rating input says, in English, Spanish and Arabic.

use crate::catalogue;

catalogue! {
    /// Texts of the star rating input.
    pub enum RatingMsg {
        /// The first star's name.
        Star1 { en: "1 star", es: "1 estrella", ar: "نجمة واحدة" }
        /// The second star's name.
        Star2 { en: "2 stars", es: "2 estrellas", ar: "نجمتان" }
        /// The third star's name.
        Star3 { en: "3 stars", es: "3 estrellas", ar: "3 نجوم" }
        /// The fourth star's name.
        Star4 { en: "4 stars", es: "4 estrellas", ar: "4 نجوم" }
        /// The fifth star's name.
        Star5 { en: "5 stars", es: "5 estrellas", ar: "5 نجوم" }
        /// Shown beside the stars while none is chosen.
        NotRated { en: "Not rated yet", es: "Sin valorar todavía", ar: "لم تقيّم بعد" }
    }
}
