import { mount } from 'svelte';
import RateApp from './components/rate/RateApp.svelte';
import './app.css';

// The rater's page, served by the room to phones and laptops on the room's network. It is an
// ordinary web page: no Tauri here, only `fetch` to the room that served it.
const target = document.getElementById('app');
if (!target) throw new Error('rate.html has no #app element');

export default mount(RateApp, { target });
