//! The Chenzhou hukou calculator in the browser: a thin Yew shell over `hukou_engine`.
//!
//! `state` (the session and its reducer), `saved` (storage and share links), `questions`,
//! `places` and `i18n` are pure and tested natively; `web` holds the few browser calls;
//! `components` render.

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod i18n;
pub mod places;
pub mod questions;
pub mod reading;
pub mod saved;
pub mod state;
pub mod summary;
pub mod web;
