//! The Chenzhou hukou calculator in the browser: a thin Yew shell over `hukou_engine`.

pub mod app;
