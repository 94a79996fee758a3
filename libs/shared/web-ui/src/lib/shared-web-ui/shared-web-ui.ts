import { Component } from '@angular/core';

@Component({
  selector: 'th-shared-web-ui',
  imports: [],
  templateUrl: './shared-web-ui.html',
  styleUrl: './shared-web-ui.css'
})
export class SharedWebUi {}
